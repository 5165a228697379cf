export declare const SIZE: { width: number; height: number };
/** Makes the store screenshots into `outDir` (default docs/store/screenshots); returns the files written. */
export declare function makeScreenshots(options?: { extensionPath?: string; outDir?: string }): Promise<string[]>;
