import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'cem:public';

/** The route (or controller) needs no token: health, metrics, key sets. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
