/** `npm run schema:emit`: writes schema/schema.graphql from the code. */
import { createSchema, schemaFile } from './schema';

createSchema({ emit: true }).then(
  () => console.log(`wrote ${schemaFile}`),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
