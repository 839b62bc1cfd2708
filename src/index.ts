// The entry the runner starts.
import { run } from './run.js'

void run()
