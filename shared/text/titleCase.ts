/** "VĨNH PHÚC" → "Vĩnh Phúc": place names printed in capitals in document headers, as they are written in text. */
export function titleCase(upper: string): string {
  return upper
    .toLocaleLowerCase("vi")
    .split(" ")
    .map((word) => word.charAt(0).toLocaleUpperCase("vi") + word.slice(1))
    .join(" ");
}
