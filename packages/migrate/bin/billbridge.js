#!/usr/bin/env node
// The `billbridge` command. A committed file (not dist/cli.js itself), so installing the workspace
// before a build links the bin without a warning.
import '../dist/cli.js';
