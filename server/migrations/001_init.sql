-- ReviewDesk team server, first schema. Times are milliseconds since the epoch (bigint), as in the extension.
-- Every shared table carries shop_id: an account reads and writes only its own shop's rows.

-- One sequence orders every change of every shop, so several server processes agree on the order.
create sequence change_seq;

create table shops (
  id text primary key,
  name text not null unique,
  settings jsonb not null default '{}',
  -- Per settings field: [at, mutation id] of the write that set it (last writer wins per field).
  settings_times jsonb not null default '{}',
  change_seq bigint,
  created_at bigint not null
);
create index shops_change_seq on shops (id, change_seq);

create table accounts (
  id text primary key,
  shop_id text not null references shops (id),
  name text not null,
  role text not null check (role in ('lead', 'agent')),
  password_hash text not null,
  created_at bigint not null,
  revoked_at bigint,
  unique (shop_id, name)
);
create index accounts_name on accounts (name);

-- Tokens are stored as SHA-256 hashes only: a copy of the database does not sign anybody in.
create table sessions (
  token_hash text primary key,
  shop_id text not null references shops (id),
  account_id text not null references accounts (id),
  created_at bigint not null,
  expires_at bigint not null,
  revoked_at bigint
);
create index sessions_account on sessions (account_id);

-- Wrong passwords, one row each: the rate limit is decided here, so every server process sees the same count.
create table login_failures (
  shop_id text not null references shops (id),
  account_id text not null references accounts (id),
  at bigint not null
);
create index login_failures_account_at on login_failures (account_id, at);

-- Every mutation once (its client-made id is the key: a replay is a duplicate) and the audit history.
create table mutations (
  shop_id text not null references shops (id),
  id text not null,
  account_id text not null references accounts (id),
  account_name text not null,
  kind text not null,
  at bigint not null,
  received_at bigint not null,
  payload jsonb not null,
  status text not null,
  error text,
  primary key (shop_id, id)
);
create index mutations_shop_received on mutations (shop_id, received_at);

create table reviews (
  shop_id text not null references shops (id),
  id text not null,
  data jsonb not null,
  field_times jsonb not null default '{}',
  change_seq bigint not null,
  primary key (shop_id, id)
);
create index reviews_change_seq on reviews (shop_id, change_seq);

create table cases (
  shop_id text not null references shops (id),
  id text not null,
  data jsonb not null,
  field_times jsonb not null default '{}',
  -- The account holding the case, decided by compare-and-set (never by last-writer-wins).
  holder text,
  change_seq bigint not null,
  buyer_key text generated always as (data ->> 'buyerKey') stored,
  status text generated always as (data ->> 'status') stored,
  status_changed_at bigint generated always as ((data ->> 'statusChangedAt')::bigint) stored,
  primary key (shop_id, id)
);
create index cases_change_seq on cases (shop_id, change_seq);
create index cases_buyer on cases (shop_id, buyer_key);

create table events (
  shop_id text not null references shops (id),
  id text not null,
  case_id text not null,
  data jsonb not null,
  undone boolean not null default false,
  change_seq bigint not null,
  primary key (shop_id, id)
);
create index events_change_seq on events (shop_id, change_seq);
create index events_case on events (shop_id, case_id);

create table promises (
  shop_id text not null references shops (id),
  id text not null,
  case_id text not null,
  data jsonb not null,
  field_times jsonb not null default '{}',
  change_seq bigint not null,
  primary key (shop_id, id)
);
create index promises_change_seq on promises (shop_id, change_seq);

create table buyer_notes (
  shop_id text not null references shops (id),
  buyer_key text not null,
  data jsonb not null,
  field_times jsonb not null default '{}',
  change_seq bigint not null,
  primary key (shop_id, buyer_key)
);
create index buyer_notes_change_seq on buyer_notes (shop_id, change_seq);
