namespace Safeguard.Web.Tests.Govuk;

/// <summary>The comparer must ignore what does not matter and catch what does, or the fixture tests prove nothing.</summary>
public class HtmlStructureTests
{
    [Fact]
    public void Ignores_whitespace_attribute_order_class_order_and_entity_spelling() =>
        HtmlStructure.AssertSame(
            """
            <div class="a b" id="x">
              <p>Don&#39;t   stop</p>
            </div>
            """,
            """<div id="x" class="b a"><p>Don't stop</p></div>""");

    [Theory]
    [InlineData("""<div class="a c"></div>""")]
    [InlineData("""<div class="a b" hidden></div>""")]
    [InlineData("""<span class="a b"></span>""")]
    [InlineData("""<div class="a b">text</div>""")]
    [InlineData("""<div class="a b"></div><p></p>""")]
    public void Catches_differences(string actual) =>
        Assert.ThrowsAny<Exception>(() => HtmlStructure.AssertSame("""<div class="a b"></div>""", actual));
}
