// Lint: typescript-eslint's type-aware recommended rules on the agent's sources; the import
// floors of DESIGN.md are checked by dependency-cruiser (.dependency-cruiser.cjs), run by the
// same `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['agent/dist/**', 'agent/src/wire/gen/**', 'agent/src/publish/gen/**', 'native/**', 'node_modules/**', 'agent/web/dist/**'] },
  {
    files: ['agent/src/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: "ThrowStatement > Literal[value=/./]", message: 'throw an Error (TypeError, RangeError or LookoutError), never a string' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Stage.start/stop are async by interface: an implementation with nothing to await is fine.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
