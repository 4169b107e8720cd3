import { Component, type ReactNode } from 'react';

/**
 * Catches what a page throws while rendering, above all a page's code that will not load: after a
 * new version is deployed, an open tab asks for files that are gone. The header stays; the person
 * is offered a reload, which fetches the new version.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="page">
        <div className="notice notice--problem" role="alert">
          <p>This page could not be shown. Common Ground may have been updated since you opened it, or the connection dropped.</p>
          <button type="button" className="button button--secondary button--small" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
