/** The guide's element id (a module of its own: the header's Guide button points at the guide without loading it). */
export const GUIDE_ID = 'warren-guide';
