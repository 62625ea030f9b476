import type { LogShape } from '../../../src/main/gradio/log-model';

/** The shape of a CSVLogger log with columns text, flag, username, timestamp after `header`. */
export function csvLoggerShape(file: string, header: string): LogShape {
  return {
    file,
    layout: 'csv-logger',
    dialect: { quote: '"', bomLength: 0, encoding: 'utf-8' },
    dataStart: Buffer.byteLength(header),
    dataLine: 2,
    header: ['text', 'flag', 'username', 'timestamp'],
    columns: [],
    roles: { flag: 1, username: 2, timestamp: 3 },
    warnings: [],
    issues: [],
  };
}
