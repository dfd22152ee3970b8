import { buildProgram } from './program.js';

const program = await buildProgram(undefined, process.argv.slice(2));
await program.parseAsync(process.argv);
