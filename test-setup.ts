// Runs in every test process before its test file (vitest setupFiles).
import { lowerPasswordHashCostForTests } from '@jixiao/services/password';

lowerPasswordHashCostForTests();
