// The rows the Gradio-like appender writes, so a test can rebuild the exact bytes it expects.
export function gradioHeader() {
  return 'text,image,flag,username,timestamp\r\n';
}

export function gradioRow(i) {
  const text = i % 7 === 0 ? `"multi\nline, ""quoted"" ${i}"` : `sample ${i}`;
  const flag = ['', 'blurry', 'wrong label'][i % 3];
  const seconds = String(i % 60).padStart(2, '0');
  return `${text},flagged/image/${i.toString(16).padStart(20, '0')}/img.png,${flag},,2026-11-25 10:00:${seconds}.000001\r\n`;
}
