// A count with its noun for messages: "1 annotation", "3 annotations", "2 were".
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
