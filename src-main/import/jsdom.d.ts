// The slice of jsdom's API the importer uses (the package ships no types and @types/jsdom is
// not installed): an inert document to sanitise and read, never to run.
declare module 'jsdom' {
  export class VirtualConsole {
    constructor();
  }

  export interface ConstructorOptions {
    url?: string;
    contentType?: string;
    virtualConsole?: VirtualConsole;
  }

  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: Window & typeof globalThis;
  }
}
