/** The task that re-routes a number when business hours open or close (scheduled by the applier). */
export const BOUNDARY_TASK = 'switch-business-hours';
