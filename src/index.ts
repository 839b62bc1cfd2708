// The entry the runner starts.
import { run } from './runner/entry.js'

void run()
