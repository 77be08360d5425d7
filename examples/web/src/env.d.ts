/// <reference types="vite/client" />

declare module 'virtual:journeykit-settings' {
  const settings: import('./settings').DemoSettings;
  export default settings;
}
