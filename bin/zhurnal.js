#!/usr/bin/env node
// Runs the built CLI (npm run build makes out/main/cli.js).
const { main } = require('../out/main/cli.js');
main(process.argv.slice(2)).then((code) => {
  if (code !== 0) process.exit(code);
});
