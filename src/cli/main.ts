import { endQuietlyWhenPipeCloses } from './output.js';
import { buildProgram } from './program.js';

endQuietlyWhenPipeCloses(process.stdout);
const program = await buildProgram(undefined, process.argv.slice(2));
await program.parseAsync(process.argv);
