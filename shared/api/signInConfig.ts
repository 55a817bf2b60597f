import * as z from "zod";

/**
 * GET signin-config, public: how the task pane may sign an officer in on this server. `entra` names the add-in's app
 * registration, its tenant's authority and the API scope to ask Office for; null means pasted keys only. Keys are
 * always accepted, so the pane keeps the key field either way.
 */
export const entraSignInConfigSchema = z.object({
  clientId: z.string().min(1),
  authority: z.url({ protocol: /^https$/ }),
  scopes: z.array(z.string().min(1)).min(1),
});
export type EntraSignInConfig = z.infer<typeof entraSignInConfigSchema>;

export const signInConfigSchema = z.object({ entra: entraSignInConfigSchema.nullable() });
export type SignInConfig = z.infer<typeof signInConfigSchema>;
