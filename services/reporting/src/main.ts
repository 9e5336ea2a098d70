import 'reflect-metadata';
import { runServiceFromEnv } from '@cem/service-kit';
import { REPORTING_SERVICE } from './reporting.service';

void runServiceFromEnv(REPORTING_SERVICE);
