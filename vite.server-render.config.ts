import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The server's drawing of the first screen (src/web/server-render.tsx), built for Node into dist/web-server,
 * which src/server/web-assets.ts loads. Everything it imports is bundled, React included (a development
 * dependency, absent from a production install), in React's production build.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  ssr: { noExternal: true },
  build: {
    ssr: 'server-render.tsx',
    outDir: '../../dist/web-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: true,
  },
});
