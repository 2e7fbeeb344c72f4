/** The one small query interface the server uses; PGlite and node-postgres each implement it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by each query's own interface
export type Row = Record<string, any>;

export interface Queryable {
  /** One statement with $1… parameters; json values are passed as JSON.stringify(...) with a ::jsonb cast. */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements without parameters (a migration file). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in BEGIN … COMMIT on one connection; any throw rolls everything back. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
