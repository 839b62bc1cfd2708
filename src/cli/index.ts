#!/usr/bin/env node
// The entry of the command-line tool boomi-connector-release.
import { main } from './main.js'

void main(process.argv.slice(2), process.env)
