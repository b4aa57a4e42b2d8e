# Shared by scripts/watermark.py and scripts/running-header.py: text drawn over a PDF's pages in
# Adobe's STSong-Light, not embedded (UniGB-UCS2-H), as readers map it by its predefined CMap.
import pikepdf
from pikepdf import Dictionary, Name, String


def stsong(pdf):
    """the font, once in the file"""
    descriptor = Dictionary(Type=Name.FontDescriptor, FontName=Name('/STSong-Light'), Flags=6, FontBBox=[0, -200, 1000, 900],
                            ItalicAngle=0, Ascent=880, Descent=-120, CapHeight=880, StemV=93)
    cid = Dictionary(Type=Name.Font, Subtype=Name.CIDFontType0, BaseFont=Name('/STSong-Light'), FontDescriptor=descriptor,
                     CIDSystemInfo=Dictionary(Registry=String('Adobe'), Ordering=String('GB1'), Supplement=2))
    return pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type0, BaseFont=Name('/STSong-Light-UniGB-UCS2-H'),
                                        Encoding=Name('/UniGB-UCS2-H'), DescendantFonts=[cid]))


def give_font(page, name, font):
    """the page's resources name the font"""
    resources = page.obj.get('/Resources')
    if resources is None:
        page.obj.Resources = resources = Dictionary()
    if '/Font' not in resources:
        resources.Font = Dictionary()
    resources.Font[name] = font


def ucs2(text):
    """text as a hex string in the font's encoding"""
    return text.encode('utf-16-be').hex()


def draw_over(pdf, page, ops):
    """content drawn over the page's own, its graphics state restored first"""
    page.contents_add(pikepdf.Stream(pdf, b'q\n'), prepend=True)
    page.contents_add(pikepdf.Stream(pdf, b'Q\n' + ops))
