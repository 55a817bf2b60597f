/** The verdict colours live in the one palette of every sheet (shared/sheet/palette); kept here for older imports. */
export { HEADER_COLOUR, VERDICT_COLOURS } from "../sheet/palette";
