// Render TeX to HTML at build time with KaTeX from node_modules (called by tools/hooks/katex_math.py).
// stdin: JSON [[tex, displayMode], ...]; stdout: JSON [html | {error}, ...].
const katex = require("katex");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const rendered = JSON.parse(input).map(([tex, displayMode]) => {
    try {
      return katex.renderToString(tex, { displayMode, throwOnError: true });
    } catch (error) {
      return { error: String(error.message || error) };
    }
  });
  process.stdout.write(JSON.stringify(rendered));
});
