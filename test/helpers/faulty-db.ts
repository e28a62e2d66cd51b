import Database from 'better-sqlite3';

/**
 * A better-sqlite3 constructor for the outbox's `openDatabase` whose record inserts throw the
 * error `fault()` returns (or run normally while it returns undefined): SQLite corruption or a
 * full disk, simulated through the database dependency.
 */
export function faultyDatabase(fault: () => Error | undefined): (path: string) => Database.Database {
  return (path: string): Database.Database => {
    const db = new Database(path);
    const prepare = db.prepare.bind(db);
    (db as unknown as { prepare: typeof db.prepare }).prepare = ((sql: string) => {
      const stmt = prepare(sql);
      if (!/^INSERT INTO records/.test(sql)) return stmt;
      const run = stmt.run.bind(stmt);
      (stmt as unknown as { run: typeof stmt.run }).run = ((...args: unknown[]) => {
        const err = fault();
        if (err) throw err;
        return run(...(args as []));
      }) as typeof stmt.run;
      return stmt;
    }) as typeof db.prepare;
    return db;
  };
}

/** The error better-sqlite3 throws for a corrupt file. */
export const corruptError = (): Error => Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
