/** A figure's size in CSS px (96 per inch), from the millimetres its <svg> element gives. */
export function figurePixelSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const mm = (name: string) => {
    const m = new RegExp(`\\s${name}="([\\d.]+)mm"`).exec(root);
    if (!m) throw new Error(`figure: the <svg> element has no ${name} in mm`);
    return (Number(m[1]) / 25.4) * 96;
  };
  return { width: Math.round(mm('width')), height: Math.round(mm('height')) };
}

/**
 * The figure as a PNG at `scale` times its CSS pixel size, rasterised here by the browser: the SVG as a data: URL in
 * an image (which the page's policy allows; it loads nothing else), drawn on a white canvas.
 */
export async function rasteriseFigure(svg: string, scale: number): Promise<Blob> {
  const { width, height } = figurePixelSize(svg);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('figure: this browser gave no 2D canvas to draw the PNG on');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`figure: the ${canvas.width} × ${canvas.height} PNG could not be made (too large for this device?)`))), 'image/png'));
}
