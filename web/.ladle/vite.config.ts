import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

// Ladle brings its own Vite and React plugin; the app's router plugin has no place here.
export default defineConfig({
  plugins: [tailwindcss()],
});
