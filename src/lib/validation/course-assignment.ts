import { z } from 'zod';
import { emailField } from './account';

const courseId = z.coerce.number({ error: 'Choose a course.' }).int('Choose a course.').positive('Choose a course.');

export const assignInstructorSchema = z.object({ courseId, email: emailField });

export const unassignInstructorSchema = z.object({
	courseId,
	userId: z.coerce.number({ error: 'Choose an instructor.' }).int('Choose an instructor.').positive('Choose an instructor.')
});
