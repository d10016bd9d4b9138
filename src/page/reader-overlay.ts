/**
 * The reading view shown over the page: an extension page (reader.html) in a full-viewport
 * iframe inside a closed shadow root. Page scripts cannot read or script the iframe (different
 * origin), and the page's CSS cannot restyle it. While it is open the page under it is inert:
 * Tab cannot walk out of the reading view into the page's links, and clicks cannot reach them.
 */
export interface ReaderOverlay {
  isOpen(): boolean;
  open(src: string): void;
  close(): void;
  toggle(src: string): boolean;
  destroy(): void;
}

export function createReaderOverlay(doc: Document, extensionOrigin: string): ReaderOverlay {
  let host: HTMLElement | null = null;
  let prevOverflow = '';
  /** The page's elements this overlay made inert (not those the page had made inert itself). */
  let madeInert: HTMLElement[] = [];

  const onMessage = (e: MessageEvent) => {
    if (e.origin !== extensionOrigin) return;
    if (e.data && typeof e.data === 'object' && e.data.type === 'sorot:close-reader') close();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && host) close();
  };

  function open(src: string) {
    if (host) return;
    host = doc.createElement('sorot-reader');
    host.setAttribute('data-sorot-ui', '');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent =
      ':host{all:initial;position:fixed;inset:0;z-index:2147483647;display:block}' +
      'iframe{border:0;width:100%;height:100%;display:block;background:#fff;color-scheme:normal}';
    const frame = doc.createElement('iframe');
    frame.src = src;
    frame.title = 'Sorot';
    frame.setAttribute('allow', 'autoplay');
    shadow.append(style, frame);
    doc.documentElement.append(host);
    madeInert = [...doc.documentElement.children].filter((el): el is HTMLElement => el !== host && 'inert' in el && !(el as HTMLElement).inert) as HTMLElement[];
    for (const el of madeInert) el.inert = true;
    prevOverflow = doc.documentElement.style.overflow;
    doc.documentElement.style.overflow = 'hidden';
    doc.defaultView?.addEventListener('message', onMessage);
    doc.addEventListener('keydown', onKey, true);
    frame.addEventListener('load', () => frame.focus());
  }

  function close() {
    if (!host) return;
    host.remove();
    host = null;
    for (const el of madeInert) el.inert = false;
    madeInert = [];
    doc.documentElement.style.overflow = prevOverflow;
    doc.defaultView?.removeEventListener('message', onMessage);
    doc.removeEventListener('keydown', onKey, true);
  }

  return {
    isOpen: () => !!host,
    open,
    close,
    toggle(src) {
      if (host) close();
      else open(src);
      return !!host;
    },
    destroy: close,
  };
}
