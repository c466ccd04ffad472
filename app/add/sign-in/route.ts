import { ADMIN_COOKIE, checkOrigin, isPublicServer, writeAccess } from '@/lib/store/write-access';
import { refuse } from '../../_server/write-guard';

/**
 * The sign-in form's target: a token equal to SURVEY_LENS_ADMIN_TOKEN becomes an HttpOnly,
 * SameSite=Strict cookie (so no other site's page can write with it), then back to /add.
 */
export async function POST(request: Request): Promise<Response> {
  const token = process.env.SURVEY_LENS_ADMIN_TOKEN;
  if (isPublicServer() || !token) return refuse(404, 'Not found.');
  const origin = checkOrigin(request.headers);
  if (origin) return refuse(403, `Refused: ${origin}.`);
  const form = await request.formData().catch(() => undefined);
  const given = String(form?.get('token') ?? '');
  const next = String(form?.get('next') ?? '/add');
  const back = /^\/[\w\-/.%]*$/.test(next) && !next.startsWith('//') ? next : '/add';
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  const right = given !== '' && writeAccess(new Headers({ authorization: `Bearer ${given}` })).allowed;
  const headers = new Headers({ location: right ? back : `/add?sign-in=failed` });
  if (right) headers.set('set-cookie', `${ADMIN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict${secure}`);
  return new Response(null, { status: 303, headers });
}
