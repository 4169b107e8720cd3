import { validate } from 'class-validator';
import { GraphQLError, isInputObjectType, isListType, isNonNullType, isScalarType, getNamedType, type GraphQLInputObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { cleanInput } from '../../server/src/common/text-input';
import { createSchema } from '../../server/src/schema';

/**
 * Issue 9: every text input, in every input type the schema has now or gains later, goes through
 * the one text middleware (common/text-input.ts): invalid text is refused before any SQL, and
 * text is trimmed before class-validator checks its length, so whitespace never passes as
 * required text.
 */
let inputTypes: GraphQLInputObjectType[];
beforeAll(async () => {
  const schema = await createSchema();
  inputTypes = Object.values(schema.getTypeMap()).filter(isInputObjectType);
});

const textFields = (type: GraphQLInputObjectType) =>
  Object.values(type.getFields()).filter((field) => {
    const named = getNamedType(field.type);
    return isScalarType(named) && (named.name === 'String' || named.name === 'ID');
  });

describe('every text field of every input type', () => {
  it('the schema has input types with text fields to walk', () => {
    expect(inputTypes.length).toBeGreaterThan(30);
  });

  it('refuses NUL, control characters and lone surrogates, and trims unless the field keeps raw text (passwords)', () => {
    const missed: string[] = [];
    for (const type of inputTypes) {
      for (const field of textFields(type)) {
        const where = `${type.name}.${field.name}`;
        const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
        const wrap = (text: string) => ({ [field.name]: list ? [text] : text });
        for (const bad of ['a\u0000b', 'bell\u0007', 'half \ud83d']) {
          try {
            cleanInput(type, wrap(bad), ['input']);
            missed.push(`${where} accepted ${JSON.stringify(bad)}`);
          } catch (error) {
            if (!(error instanceof GraphQLError) || error.extensions.code !== 'BAD_USER_INPUT') missed.push(`${where}: ${String(error)}`);
          }
        }
        const cleaned = cleanInput(type, wrap('  padded \u00e9 text \n'), ['input']) as Record<string, unknown>;
        const value = list ? (cleaned[field.name] as string[])[0] : cleaned[field.name];
        const raw = field.extensions?.rawText === true;
        if (value !== (raw ? '  padded \u00e9 text \n' : 'padded \u00e9 text')) missed.push(`${where} gave ${JSON.stringify(value)}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('refuses whitespace for every required text field (trimmed first, then validated)', async () => {
    const classes = new Map(getMetadataStorage().inputTypes.map((meta) => [meta.name, meta.target as new () => object]));
    const accepted: string[] = [];
    for (const type of inputTypes) {
      const Class = classes.get(type.name);
      if (!Class) continue;
      for (const field of textFields(type)) {
        const named = getNamedType(field.type);
        // Required text: non-null without a default (a field defaulting to '' may be left empty on purpose).
        if (!isNonNullType(field.type) || field.defaultValue !== undefined || named.name !== 'String' || field.extensions?.rawText === true) continue;
        const cleaned = cleanInput(type, { [field.name]: ' '.repeat(11) }, ['input']) as Record<string, unknown>;
        const instance = Object.assign(new Class(), cleaned);
        const errors = await validate(instance, { forbidUnknownValues: false });
        if (!errors.some((error) => error.property === field.name)) accepted.push(`${type.name}.${field.name}`);
      }
    }
    expect(accepted).toEqual([]);
  });
});
