import 'reflect-metadata';
import { runServiceFromEnv } from '@cem/service-kit';
import { RECOGNITION_SERVICE } from './recognition.service';

void runServiceFromEnv(RECOGNITION_SERVICE);
