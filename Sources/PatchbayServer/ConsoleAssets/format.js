// Times, durations and counts as people read them.

const number = new Intl.NumberFormat();
const dateTime = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'medium'});

export function count(value) {
  return value === null || value === undefined ? '—' : number.format(value);
}

export function when(iso) {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** "12 s ago", "in 3 min", from a timestamp. */
export function relative(iso) {
  if (!iso) return '—';
  const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
  const phrase = span(Math.abs(seconds));
  if (Math.abs(seconds) < 5) return 'just now';
  return seconds < 0 ? `${phrase} ago` : `in ${phrase}`;
}

/** "45 s", "3 min", "2 h", "4 d". */
export function span(seconds) {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

export function duration(milliseconds) {
  if (milliseconds === null || milliseconds === undefined) return '—';
  if (milliseconds < 1000) return `${milliseconds} ms`;
  return `${(milliseconds / 1000).toFixed(milliseconds < 10000 ? 1 : 0)} s`;
}

export function interval(seconds) {
  if (!seconds) return 'Manual';
  return `Every ${span(seconds)}`;
}

export function plural(value, one, many = `${one}s`) {
  return `${count(value)} ${value === 1 ? one : many}`;
}
