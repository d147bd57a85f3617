import { roles } from '$lib/auth/roles';
import { z } from 'zod';

export const changeRoleSchema = z.object({
	userId: z.coerce.number({ error: 'Choose a user.' }).int().positive('Choose a user.'),
	role: z.enum(roles, { error: 'Choose student, instructor or admin.' })
});
