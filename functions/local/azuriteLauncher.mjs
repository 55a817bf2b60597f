// Runs Azurite (the entry given first, its arguments after) in this process, and stops it when the process that
// started it is gone, however that one ended (a crash, a kill, a closed terminal): the starter holds this process's
// stdin open and never writes to it, so the pipe ends exactly when the starter does. Azurite is stopped with SIGINT,
// the signal on which it writes its data and exits.
import { pathToFileURL } from "node:url";

const [entry, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...args];
// Once: the starter may have sent SIGINT itself just before it went away.
let stopping = false;
process.on("SIGINT", () => (stopping = true));
const stop = () => {
  if (!stopping) process.kill(process.pid, "SIGINT");
};
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
// Watched, not waited for: Azurite ends this process by closing its servers, as it does when run on its own.
process.stdin.unref();
await import(pathToFileURL(entry).href);
