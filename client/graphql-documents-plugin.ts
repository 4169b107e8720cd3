import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import type { Plugin } from 'vite';

const call = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const graphqlImport = /^import \{ graphql \} from '(?:\.\.?\/)+gql';\n/m;
const anyGqlImport = /^import [^;]*from '(?:\.\.?\/)+gql';$/m;
const generatedDocument = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;

/**
 * In the production build, replaces each `graphql(`…`)` call with the parsed document codegen
 * generated for it, much as the client preset's Babel plugin does. Each page's chunk then carries
 * its own documents; without it, gql.ts's lookup table puts every document of the app in the
 * first download.
 */
export function graphqlDocuments(srcDir: string): Plugin {
  const generated = path.join(srcDir, 'gql', 'graphql.ts');
  let documents = new Map<string, string>();
  return {
    name: 'common-ground:graphql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      documents = new Map([...fs.readFileSync(generated, 'utf8').matchAll(generatedDocument)].map(([, name, json]) => [name, json]));
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.startsWith(path.join(srcDir, 'gql'))) return null;
      if (!graphqlImport.test(code)) {
        // Any other form would keep gql.ts's table of every document in the bundle, silently.
        if (anyGqlImport.test(code)) this.error(`${id}: import graphql on its own line, as import { graphql } from '…/gql';`);
        return null;
      }
      const inlined = code.replace(call, (_match, source: string) => {
        const definition = parse(source).definitions[0];
        if ((definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) || !definition.name) {
          this.error(`${id}: a graphql() document must start with a named operation or fragment`);
        }
        const name = `${definition.name.value}${definition.kind === Kind.FRAGMENT_DEFINITION ? 'FragmentDoc' : 'Document'}`;
        const document = documents.get(name);
        if (!document) this.error(`${id}: ${name} is not in client/src/gql/graphql.ts; run \`npm run codegen\``);
        return `(${document})`;
      });
      const transformed = inlined.replace(graphqlImport, '');
      if (/\bgraphql\s*\(/.test(transformed)) this.error(`${id}: a graphql() call the build cannot inline; write it as graphql(\`…\`) with the document alone`);
      return { code: transformed, map: null };
    },
  };
}
