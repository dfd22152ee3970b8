/** Asks for the fields a command still needs, only when a person is at the terminal. */
export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

export async function ask(question: string, fallback?: string): Promise<string | undefined> {
  // Loaded here: only a prompt needs it, and loading it costs every other command start-up time.
  const readline = await import('node:readline/promises');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const hint = fallback ? ` [${fallback}]` : '';
    const answer = (await rl.question(`${question}${hint}: `)).trim();
    return answer || fallback;
  } finally {
    rl.close();
  }
}

export async function confirm(question: string): Promise<boolean> {
  const answer = await ask(`${question} (y/N)`);
  return /^y(es)?$/i.test(answer ?? '');
}
