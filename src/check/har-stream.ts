/**
 * Reads the entries of a HAR file (`log.entries[]`) one at a time from a stream of text, so memory
 * stays bounded by the largest entry, not the file. Yields each entry parsed, or the reason it
 * could not be parsed.
 */
export type StreamedEntry = { readonly index: number; readonly entry: unknown } | { readonly index: number; readonly error: string };

/** How many backslashes stand right before `end` in a chunk (an odd count escapes the next character). */
function backslashesBefore(text: string, end: number, floor: number): number {
  let n = 0;
  while (end - n - 1 >= floor && text.charCodeAt(end - n - 1) === 0x5c) n++;
  return n;
}

export async function* streamHarEntries(
  chunks: AsyncIterable<string>,
  { maxEntryChars = Number.POSITIVE_INFINITY }: { maxEntryChars?: number } = {},
): AsyncGenerator<StreamedEntry, { found: boolean; complete: boolean }> {
  const stack: (string | undefined)[] = [];
  let inString = false;
  let escape = false;
  let text = "";
  let lastString = "";
  let pendingKey: string | undefined;
  let inEntries = false;
  let capturing = false;
  let parts: string[] = [];
  // Characters captured of the current entry; past the limit its text is dropped and only its end is sought.
  let captured = 0;
  let index = 0;
  let found = false;
  // An element of log.entries that is not an object (a number, a string, an array).
  let odd = false;

  for await (const chunk of chunks) {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (inString && capturing && !escape) {
        // Inside a captured entry only the end of the string matters: jump to the next quote.
        // Backslashes before `i` are settled (escape is false here), so only count from `i`.
        const quote = chunk.indexOf('"', i);
        if (quote === -1) {
          escape = backslashesBefore(chunk, chunk.length, i) % 2 === 1;
          break;
        }
        if (backslashesBefore(chunk, quote, i) % 2 === 1) {
          i = quote;
          continue;
        }
        i = quote;
        inString = false;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (!inString && inEntries && !capturing && stack.length === 3) {
        if (c === 0x2c || c === 0x5d) {
          if (odd) {
            yield { index, error: "not a HAR entry (request and response objects expected)." };
            index++;
            odd = false;
          }
        } else if (c !== 0x7b && c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) odd = true;
      }
      if (inString) {
        if (escape) escape = false;
        else if (c === 0x5c) escape = true;
        else if (c === 0x22) {
          inString = false;
          lastString = text;
        } else if (!capturing && text.length < 64) text += chunk[i];
        continue;
      }
      switch (c) {
        case 0x22: // "
          inString = true;
          text = "";
          break;
        case 0x3a: // :
          pendingKey = lastString;
          break;
        case 0x2c: // ,
          pendingKey = undefined;
          break;
        case 0x7b: // {
        case 0x5b: {
          // [
          if (inEntries && !capturing && stack.length === 3 && c === 0x7b) {
            capturing = true;
            from = i;
            parts = [];
            captured = 0;
          }
          stack.push(pendingKey);
          pendingKey = undefined;
          if (c === 0x5b && stack.length === 3 && stack[1] === "log" && stack[2] === "entries") {
            inEntries = true;
            found = true;
          }
          break;
        }
        case 0x7d: // }
        case 0x5d: {
          // ]
          stack.pop();
          if (capturing && stack.length === 3) {
            captured += i + 1 - from;
            if (captured <= maxEntryChars) parts.push(chunk.slice(from, i + 1));
            capturing = false;
            const source = parts.join("");
            parts = [];
            if (captured > maxEntryChars) yield { index, error: `the entry is ${captured} characters long; entries above ${maxEntryChars} are not checked (raise --max-bytes).` };
            else {
              try {
                yield { index, entry: JSON.parse(source) };
              } catch (e) {
                yield { index, error: `malformed JSON: ${(e as Error).message}` };
              }
            }
            index++;
          }
          if (inEntries && stack.length < 3) inEntries = false;
          break;
        }
        default:
          break;
      }
    }
    if (capturing) {
      captured += chunk.length - from;
      if (captured <= maxEntryChars) parts.push(chunk.slice(from));
      else parts = [];
    }
  }
  return { found, complete: stack.length === 0 && !inString };
}
