// Initiates the replica set rs0 and creates its users; run by the mongo-init service of compose.yaml
// with mongosh connected to 127.0.0.1 in mongo-1's network namespace. While no user exists, only such a
// local connection may initiate the set and create the first user (MongoDB's localhost exception);
// after that everything is done as the root user. Safe to run again: each step looks first.

const SET = 'rs0';
const MEMBERS = ['mongo-1:27017', 'mongo-2:27017', 'mongo-3:27017'];
const PRIMARY_WAIT_SECONDS = 120;

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(name + ' is not set');
  }
  return value;
}

const root = { user: required('MONGO_ROOT_USERNAME'), pwd: required('MONGO_ROOT_PASSWORD') };
const serviceUsers = [
  { user: required('MONGO_ENFORCEMENT_USERNAME'), pwd: required('MONGO_ENFORCEMENT_PASSWORD'), db: 'enforcement' },
  { user: required('MONGO_CREDIT_USERNAME'), pwd: required('MONGO_CREDIT_PASSWORD'), db: 'credit' },
];
const admin = db.getSiblingDB('admin');

function initiateIfNeeded() {
  // hello needs no authentication; a member started with --replSet but never initiated has no setName
  if (admin.hello().setName) {
    print('replica set ' + SET + ' already initiated');
    return;
  }
  print('initiating replica set ' + SET);
  rs.initiate({
    _id: SET,
    // mongo-1 is preferred as primary, so that this script, which talks to mongo-1, finds the primary there
    members: MEMBERS.map((host, i) => ({ _id: i, host: host, priority: i === 0 ? 2 : 1 })),
  });
}

function waitUntilPrimary() {
  for (let second = 0; second < PRIMARY_WAIT_SECONDS; second++) {
    if (admin.hello().isWritablePrimary) {
      return;
    }
    sleep(1000);
  }
  throw new Error('mongo-1 did not become primary within ' + PRIMARY_WAIT_SECONDS + ' s');
}

function authenticatesAsRoot() {
  try {
    return admin.auth(root.user, root.pwd).ok === 1;
  } catch (e) {
    return false;
  }
}

function ensureRoot() {
  if (authenticatesAsRoot()) {
    return;
  }
  print('creating the root user ' + root.user);
  try {
    admin.createUser({ user: root.user, pwd: root.pwd, roles: [{ role: 'root', db: 'admin' }] });
  } catch (e) {
    // users exist already, so the localhost exception is closed: the root password is not the one in .env
    throw new Error('cannot authenticate as ' + root.user + ' nor create it (' + e.message + '). '
        + 'MONGO_ROOT_PASSWORD must stay what it was when the set was first initialised, '
        + 'or the Mongo volumes must be removed (docker compose down -v).');
  }
  if (!authenticatesAsRoot()) {
    throw new Error('created ' + root.user + ' but cannot authenticate as it');
  }
}

// A service user may read and write its own database only. An existing one gets the password from .env.
function ensureServiceUser(account) {
  const roles = [{ role: 'readWrite', db: account.db }];
  if (admin.getUser(account.user)) {
    admin.updateUser(account.user, { pwd: account.pwd, roles: roles });
    print('updated user ' + account.user + ' (readWrite on ' + account.db + ')');
  } else {
    admin.createUser({ user: account.user, pwd: account.pwd, roles: roles });
    print('created user ' + account.user + ' (readWrite on ' + account.db + ')');
  }
}

initiateIfNeeded();
waitUntilPrimary();
ensureRoot();
serviceUsers.forEach(ensureServiceUser);
print('replica set ' + SET + ' ready');
