/**
 * React Aria adds a <style> element for touch handling, which the Content-Security-Policy
 * (style-src 'self') refuses. The same rule is in styles.css ([data-react-aria-pressable]);
 * an element with the id React Aria looks for tells it the rule is already there. Imported
 * for this effect by every module that renders React Aria's pressable components.
 */
const PRESSABLE_STYLE_ID = 'react-aria-pressable-style';
if (typeof document !== 'undefined' && !document.getElementById(PRESSABLE_STYLE_ID)) {
  const marker = document.createElement('meta');
  marker.id = PRESSABLE_STYLE_ID;
  document.head.append(marker);
}
