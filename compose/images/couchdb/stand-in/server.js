// Front of the CouchDB stand-in: runs pouchdb-server on 127.0.0.1:5985 and serves port 5984 the way the official
// image does where faasflow relies on it. pouchdb-server 4.2.0 fails any request that carries credentials, while
// CouchDB 3 runs only with an admin (COUCHDB_USER, COUCHDB_PASSWORD): so this front checks Basic credentials
// against those variables itself, answers 401 to wrong or missing ones (except on / and /_up, as CouchDB), and
// forwards the request without them. /_up answers {"status":"ok"} once pouchdb-server answers.
'use strict';
const http = require('http');
const { spawn } = require('child_process');

const PUBLIC_PORT = 5984;
const BACKEND_PORT = 5985;
const user = process.env.COUCHDB_USER || '';
const password = process.env.COUCHDB_PASSWORD || '';
const expected = user ? 'Basic ' + Buffer.from(user + ':' + password).toString('base64') : null;

const backend = spawn(process.execPath, [
  '/opt/pouchdb-server/node_modules/pouchdb-server/bin/pouchdb-server',
  '--host', '127.0.0.1', '--port', String(BACKEND_PORT), '--dir', '/opt/couchdb/data', '--no-color',
], { stdio: 'inherit' });
backend.on('exit', (code, signal) => {
  console.error(`pouchdb-server exited (${signal || code})`);
  process.exit(code === null ? 1 : code);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => backend.kill(signal));
}

function unauthorized(response) {
  response.writeHead(401, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }));
}

function forward(request, response) {
  const headers = { ...request.headers };
  delete headers.authorization;
  const upstream = http.request({ host: '127.0.0.1', port: BACKEND_PORT, method: request.method, path: request.url, headers },
    (answer) => {
      response.writeHead(answer.statusCode, answer.headers);
      answer.pipe(response);
    });
  upstream.on('error', (error) => {
    response.writeHead(503, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ error: 'unavailable', reason: String(error.message) }));
  });
  request.pipe(upstream);
}

http.createServer((request, response) => {
  const path = request.url.split('?')[0];
  if (path === '/_up') {
    request.url = '/';
    const probe = http.get({ host: '127.0.0.1', port: BACKEND_PORT, path: '/' }, (answer) => {
      answer.resume();
      response.writeHead(answer.statusCode === 200 ? 200 : 404, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ status: answer.statusCode === 200 ? 'ok' : 'starting' }));
    });
    probe.on('error', () => {
      response.writeHead(404, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ status: 'starting' }));
    });
    return;
  }
  const authorization = request.headers.authorization;
  if (expected && path !== '/' && authorization !== expected) {
    request.resume();
    unauthorized(response);
    return;
  }
  if (!expected && authorization) {
    // No admin configured: CouchDB would refuse unknown credentials too.
    request.resume();
    unauthorized(response);
    return;
  }
  forward(request, response);
}).listen(PUBLIC_PORT, '0.0.0.0', () => {
  console.error(`couchdb stand-in: port ${PUBLIC_PORT}, ${expected ? 'admin ' + user : 'no admin (COUCHDB_USER unset)'}`);
});
