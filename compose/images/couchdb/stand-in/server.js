// Front of the CouchDB stand-in: runs pouchdb-server on 127.0.0.1:5985 and serves port 5984 the way the official
// image does where faasflow relies on it. pouchdb-server 4.2.0 fails any request that carries credentials, while
// CouchDB 3 runs only with an admin (COUCHDB_USER, COUCHDB_PASSWORD): so this front authenticates requests itself
// and forwards them without credentials. Besides the admin it keeps the users of /_users and each database's
// /_security (in auth.json beside the data), so that a non-admin user reaches only the databases that name it as
// a member, as in CouchDB 3. /_up answers {"status":"ok"} once pouchdb-server answers; /_session names the
// authenticated user and roles.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { spawn } = require('child_process');

const PUBLIC_PORT = Number(process.env.COUCHDB_PORT || 5984);
const BACKEND_PORT = Number(process.env.COUCHDB_BACKEND_PORT || 5985);
const DATA_DIR = process.env.COUCHDB_DATA_DIR || '/opt/couchdb/data';
const POUCHDB_SERVER = process.env.POUCHDB_SERVER_BIN || '/opt/pouchdb-server/node_modules/pouchdb-server/bin/pouchdb-server';
const AUTH_FILE = path.join(DATA_DIR, 'auth.json');
const USER_PREFIX = 'org.couchdb.user:';
const ITERATIONS = 10000;

const adminName = process.env.COUCHDB_USER || '';
const adminHeader = adminName ? basic(adminName, process.env.COUCHDB_PASSWORD || '') : null;

const auth = loadAuth();
// Verified Authorization headers and the user each names: CouchDB caches logins too, and a key derivation per
// request would cost milliseconds on the data path.
const verified = new Map();

const backend = spawn(process.execPath, [
  POUCHDB_SERVER, '--host', '127.0.0.1', '--port', String(BACKEND_PORT), '--dir', DATA_DIR, '--no-color',
], { stdio: 'inherit', cwd: DATA_DIR });
backend.on('exit', (code, signal) => {
  console.error(`pouchdb-server exited (${signal || code})`);
  process.exit(code === null ? 1 : code);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => backend.kill(signal));
}

function basic(name, password) {
  return 'Basic ' + Buffer.from(name + ':' + password).toString('base64');
}

function loadAuth() {
  try {
    const stored = JSON.parse(fs.readFileSync(AUTH_FILE, 'utf8'));
    return { users: stored.users || {}, security: stored.security || {} };
  } catch (error) {
    if (error.code !== 'ENOENT') {
      console.error(`cannot read ${AUTH_FILE}: ${error.message}; starting without users`);
    }
    return { users: {}, security: {} };
  }
}

function saveAuth() {
  const temporary = AUTH_FILE + '.tmp';
  fs.writeFileSync(temporary, JSON.stringify(auth), { mode: 0o600 });
  fs.renameSync(temporary, AUTH_FILE);
}

function derive(password, salt) {
  return crypto.pbkdf2Sync(password, salt, ITERATIONS, 32, 'sha256').toString('hex');
}

function send(response, status, body) {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The request's JSON body, or undefined once it answered 400 because there is none. */
async function readJson(request, response) {
  try {
    return JSON.parse(await readBody(request));
  } catch (error) {
    send(response, 400, { error: 'bad_request', reason: 'invalid UTF-8 JSON' });
    return undefined;
  }
}

/** Who the request is: {name, roles}, or null when its credentials are wrong. */
function identify(header) {
  if (!header) {
    return adminHeader ? { name: null, roles: [] } : { name: null, roles: ['_admin'] };
  }
  if (adminHeader && header === adminHeader) {
    return { name: adminName, roles: ['_admin'] };
  }
  if (verified.has(header)) {
    return { name: verified.get(header), roles: [] };
  }
  const match = /^Basic (.+)$/.exec(header);
  if (!match) {
    return null;
  }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const name = colon < 0 ? decoded : decoded.slice(0, colon);
  const user = auth.users[name];
  if (!user || colon < 0) {
    return null;
  }
  const given = Buffer.from(derive(decoded.slice(colon + 1), user.salt), 'hex');
  if (!crypto.timingSafeEqual(given, Buffer.from(user.derived_key, 'hex'))) {
    return null;
  }
  verified.set(header, name);
  return { name, roles: [] };
}

function isAdmin(identity) {
  return identity.roles.includes('_admin');
}

function forgetLogins(name) {
  for (const [header, verifiedName] of verified) {
    if (verifiedName === name) {
      verified.delete(header);
    }
  }
}

function userDocument(id, user) {
  return {
    _id: id, _rev: user.rev, name: user.name, type: 'user', roles: user.roles,
    password_scheme: 'pbkdf2', pbkdf2_prf: 'sha256', iterations: ITERATIONS, derived_key: user.derived_key, salt: user.salt,
  };
}

async function users(request, response, identity, segments) {
  if (!isAdmin(identity)) {
    send(response, 401, { error: 'unauthorized', reason: 'You are not a server admin.' });
    return;
  }
  if (segments.length === 1) {
    if (request.method === 'PUT') {
      send(response, 412, { error: 'file_exists', reason: 'The database could not be created, the file already exists.' });
    } else {
      send(response, 200, { db_name: '_users', doc_count: Object.keys(auth.users).length });
    }
    return;
  }
  const id = segments.slice(1).join('/');
  if (!id.startsWith(USER_PREFIX)) {
    send(response, 404, { error: 'not_found', reason: 'missing' });
    return;
  }
  const name = id.slice(USER_PREFIX.length);
  const existing = auth.users[name];
  const rev = new URL(request.url, 'http://stand-in').searchParams.get('rev');
  if (request.method === 'GET' || request.method === 'HEAD') {
    if (existing) {
      send(response, 200, userDocument(id, existing));
    } else {
      send(response, 404, { error: 'not_found', reason: 'missing' });
    }
    return;
  }
  if (request.method === 'DELETE') {
    if (!existing) {
      send(response, 404, { error: 'not_found', reason: 'missing' });
    } else if (rev !== existing.rev) {
      send(response, 409, { error: 'conflict', reason: 'Document update conflict.' });
    } else {
      delete auth.users[name];
      forgetLogins(name);
      saveAuth();
      send(response, 200, { ok: true, id, rev });
    }
    return;
  }
  if (request.method !== 'PUT') {
    send(response, 405, { error: 'method_not_allowed', reason: 'Only GET, HEAD, PUT and DELETE are allowed here.' });
    return;
  }
  const document = await readJson(request, response);
  if (document === undefined) {
    return;
  }
  if (!document || document.type !== 'user' || document.name !== name || typeof document.password !== 'string') {
    send(response, 403, { error: 'forbidden', reason: 'a user document needs type "user", name "' + name + '" and a password' });
    return;
  }
  if (existing && (document._rev || rev) !== existing.rev) {
    send(response, 409, { error: 'conflict', reason: 'Document update conflict.' });
    return;
  }
  const generation = existing ? Number(existing.rev.split('-')[0]) + 1 : 1;
  const salt = crypto.randomBytes(16).toString('hex');
  const user = {
    name, roles: Array.isArray(document.roles) ? document.roles.filter((role) => typeof role === 'string' && !role.startsWith('_')) : [],
    salt, derived_key: derive(document.password, salt), rev: generation + '-' + crypto.randomBytes(16).toString('hex'),
  };
  auth.users[name] = user;
  forgetLogins(name);
  saveAuth();
  send(response, 201, { ok: true, id, rev: user.rev });
}

function isMember(identity, database) {
  const security = auth.security[database] || {};
  const names = [...((security.members || {}).names || []), ...((security.admins || {}).names || [])];
  const roles = [...((security.members || {}).roles || []), ...((security.admins || {}).roles || [])];
  return names.includes(identity.name) || identity.roles.some((role) => roles.includes(role));
}

async function securityObject(request, response, identity, database) {
  if (request.method === 'GET') {
    if (isAdmin(identity) || isMember(identity, database)) {
      send(response, 200, auth.security[database] || {});
    } else {
      send(response, 403, { error: 'forbidden', reason: 'You are not allowed to access this db.' });
    }
    return;
  }
  if (request.method !== 'PUT') {
    send(response, 405, { error: 'method_not_allowed', reason: 'Only GET and PUT are allowed here.' });
    return;
  }
  if (!isAdmin(identity)) {
    send(response, 401, { error: 'unauthorized', reason: 'You are not a db or server admin.' });
    return;
  }
  const document = await readJson(request, response);
  if (document === undefined) {
    return;
  }
  auth.security[database] = document;
  saveAuth();
  send(response, 200, { ok: true });
}

/** Whether a user that is not a server admin may make this request to a database; answers it when not. */
function permitted(request, response, identity, database, rest) {
  if (database.startsWith('_')) {
    send(response, 401, { error: 'unauthorized', reason: 'You are not a server admin.' });
    return false;
  }
  if (rest.length === 0 && (request.method === 'PUT' || request.method === 'DELETE')) {
    send(response, 401, { error: 'unauthorized', reason: 'You are not a server admin.' });
    return false;
  }
  if (identity.name === null) {
    send(response, 401, { error: 'unauthorized', reason: 'You are not authorized to access this db.' });
    return false;
  }
  if (!isMember(identity, database)) {
    send(response, 403, { error: 'forbidden', reason: 'You are not allowed to access this db.' });
    return false;
  }
  if (rest[0] === '_design' && request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 401, { error: 'unauthorized', reason: 'You are not a db or server admin.' });
    return false;
  }
  return true;
}

function forward(request, response) {
  const headers = { ...request.headers };
  delete headers.authorization;
  const upstream = http.request({ host: '127.0.0.1', port: BACKEND_PORT, method: request.method, path: request.url, headers },
    (answer) => {
      response.writeHead(answer.statusCode, answer.headers);
      answer.pipe(response);
    });
  upstream.on('error', (error) => send(response, 503, { error: 'unavailable', reason: String(error.message) }));
  request.pipe(upstream);
}

function up(response) {
  const probe = http.get({ host: '127.0.0.1', port: BACKEND_PORT, path: '/' }, (answer) => {
    answer.resume();
    send(response, answer.statusCode === 200 ? 200 : 404, { status: answer.statusCode === 200 ? 'ok' : 'starting' });
  });
  probe.on('error', () => send(response, 404, { status: 'starting' }));
}

async function handle(request, response) {
  const pathname = request.url.split('?')[0];
  if (pathname === '/_up') {
    request.resume();
    up(response);
    return;
  }
  const identity = identify(request.headers.authorization);
  if (identity === null) {
    request.resume();
    send(response, 401, { error: 'unauthorized', reason: 'Name or password is incorrect.' });
    return;
  }
  const segments = pathname.split('/').filter((segment) => segment.length > 0).map(decodeURIComponent);
  if (segments.length === 0) {
    forward(request, response);
    return;
  }
  if (segments[0] === '_session') {
    request.resume();
    send(response, 200, { ok: true, userCtx: identity, info: { authentication_handlers: ['default'], authenticated: 'default' } });
    return;
  }
  if (segments[0] === '_users') {
    await users(request, response, identity, segments);
    return;
  }
  if (segments[1] === '_security' && segments.length === 2) {
    await securityObject(request, response, identity, segments[0]);
    return;
  }
  if (!isAdmin(identity) && !permitted(request, response, identity, segments[0], segments.slice(1))) {
    request.resume();
    return;
  }
  forward(request, response);
}

http.createServer((request, response) => {
  handle(request, response).catch((error) => {
    console.error(`couchdb stand-in: ${request.method} ${request.url}: ${error.stack || error}`);
    if (!response.headersSent) {
      send(response, 500, { error: 'internal', reason: String(error.message) });
    }
  });
}).listen(PUBLIC_PORT, '0.0.0.0', () => {
  console.error(`couchdb stand-in: port ${PUBLIC_PORT}, ${adminHeader ? 'admin ' + adminName : 'no admin (COUCHDB_USER unset)'}, `
    + `${Object.keys(auth.users).length} users`);
});
