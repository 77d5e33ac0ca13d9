/* template_context.h — gen/template private: the context stack and name
 * lookup of the Mustache spec.
 *
 * A name is resolved against the stack from the innermost frame out: "."
 * is the innermost frame itself; for "a.b.c" the first frame (innermost
 * first) that is a map with key "a" is chosen, and "b", "c" are then looked
 * up inside that value only (a broken chain never falls back to an outer
 * frame; a key "a.b" with a literal dot is never matched).
 *
 * Not part of the public interface; include only from gen/template/.
 */
#ifndef JUESUAN_TEMPLATE_CONTEXT_H
#define JUESUAN_TEMPLATE_CONTEXT_H

#include "../model/model.h"

/** The context stack; zero-initialise. Frames are borrowed. */
typedef struct tmpl_context {
    const value **frames;
    size_t count, cap;
} tmpl_context;

/** Push a frame. */
void tmpl_context_push(tmpl_context *c, const value *v);
/** Pop the innermost frame. */
void tmpl_context_pop(tmpl_context *c);
/** Free the stack's storage. */
void tmpl_context_free(tmpl_context *c);

/** Resolve a name given as its dot-separated parts (n == 0 means "."). 
 *  Returns NULL when the name resolves to nothing (a JSON null in the data
 *  is found: it is a VALUE_NULL node, not NULL). */
const value *tmpl_context_lookup(const tmpl_context *c, char *const *parts, size_t n);

/** Mustache truthiness: missing, null, false and the empty list are falsey;
 *  everything else (including "" and 0) is truthy. */
bool tmpl_value_truthy(const value *v);

#endif
