import 'reflect-metadata';
import { runServiceFromEnv } from '@cem/service-kit';
import { SUBMISSIONS_SERVICE } from './submissions.service';

void runServiceFromEnv(SUBMISSIONS_SERVICE);
