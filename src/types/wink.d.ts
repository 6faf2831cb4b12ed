declare module 'wink-lemmatizer' {
  const lemmatizer: { verb(w: string): string; noun(w: string): string; adjective(w: string): string };
  export default lemmatizer;
}
