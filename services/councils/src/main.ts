import 'reflect-metadata';
import { runServiceFromEnv } from '@cem/service-kit';
import { COUNCILS_SERVICE } from './councils.service';

void runServiceFromEnv(COUNCILS_SERVICE);
