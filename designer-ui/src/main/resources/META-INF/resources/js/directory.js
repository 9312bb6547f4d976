// Look-ups shared by the admin pages.
import { api } from './api.js';

// The largest page /api/users hands out; manager pickers offer that many people.
const LARGEST_USER_PAGE = 200;

export async function usersForPicker() {
  return (await api.get(`/api/users?size=${LARGEST_USER_PAGE}`)).items;
}
