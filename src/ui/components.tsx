/** Small shared building blocks for the extension pages. */
import type { ComponentChildren } from 'preact';
import type { EntityType } from '../types';
import { useT } from './i18n';

export function Section(props: { id: string; title: ComponentChildren; count?: number; actions?: ComponentChildren; children: ComponentChildren }) {
  const headingId = `${props.id}-h`;
  return (
    <section class="section" aria-labelledby={headingId} id={props.id}>
      <header class="section-head">
        <h2 id={headingId}>
          {props.title}
          {props.count != null && <span class="count" aria-hidden="true">{props.count}</span>}
        </h2>
        {props.actions && <div class="section-actions">{props.actions}</div>}
      </header>
      {props.children}
    </section>
  );
}

export function EntityDot(props: { type: EntityType }) {
  return <span class={`ent-dot ent-${props.type}`} aria-hidden="true" />;
}

export function Status(props: { kind?: 'info' | 'warn' | 'error'; children: ComponentChildren; live?: boolean }) {
  return (
    <div class={`status status-${props.kind ?? 'info'}`} role={props.live ? 'status' : undefined}>
      {props.children}
    </div>
  );
}

export function Spinner() {
  return <span class="spinner" aria-hidden="true" />;
}

/** A link to one of our own pages. In the side panel it opens a tab; elsewhere a normal link. */
export function PageLink(props: { path: string; onOpen?: (path: string) => void; children: ComponentChildren; class?: string }) {
  const onClick = (e: MouseEvent) => {
    if (!props.onOpen) return;
    e.preventDefault();
    props.onOpen(props.path);
  };
  return (
    <a href={props.path} target="_blank" rel="noopener" onClick={onClick} class={props.class}>
      {props.children}
    </a>
  );
}

/** Toggle switch: a real checkbox with a visible label. */
export function Switch(props: { id: string; checked: boolean; onChange: (v: boolean) => void; label: ComponentChildren; hint?: ComponentChildren; disabled?: boolean }) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class="switch-row">
      <input
        type="checkbox"
        role="switch"
        class="switch"
        id={props.id}
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={hintId}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={props.id}>
        <span class="switch-label">{props.label}</span>
        {props.hint && (
          <span class="hint" id={hintId}>
            {props.hint}
          </span>
        )}
      </label>
    </div>
  );
}

export function Brand() {
  const { t } = useT();
  return (
    <span class="brand">
      <img src="/icon/32.png" alt="" width={20} height={20} />
      <span>{t('app.name')}</span>
    </span>
  );
}
