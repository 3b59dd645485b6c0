// A real SMTP server for the e-mail tests (npm smtp-server): accepts every message and writes it whole to the folder given,
// one .eml file per message in arrival order, then prints the port it listens on.
const { SMTPServer } = require('smtp-server');
const fs = require('fs');
const path = require('path');

const folder = process.argv[2];
let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', chunk => chunks.push(chunk));
    stream.on('end', () => {
      const file = path.join(folder, `${String(++count).padStart(5, '0')}.eml`);
      fs.writeFileSync(`${file}.tmp`, Buffer.concat(chunks));
      fs.renameSync(`${file}.tmp`, file);
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.server.address().port}`));
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
